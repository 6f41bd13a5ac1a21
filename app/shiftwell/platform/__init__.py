"""OS-specific edges behind small interfaces, each with a fake for tests."""
