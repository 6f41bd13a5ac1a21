"""The Qt shell: renders core state and forwards user intent. No rules live here."""
