"""A StatusNotifierItem tray on a test bus: the watcher (org.kde.StatusNotifierWatcher) and a
host that reads what a registered item shows — icon, tooltip, menu — and clicks its menu.

Wayland desktops show tray icons this way (KDE Plasma, GNOME's AppIndicator extension,
waybar, snixembed): an app's item registers with the watcher, and apps only offer an item at
all while the watcher reports a host (`IsStatusNotifierHostRegistered`).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.helpers.dbus import StandIn
from tests.helpers.process import wait_for

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
ITEM_INTERFACE = "org.kde.StatusNotifierItem"
MENU_INTERFACE = "com.canonical.dbusmenu"
PROPERTIES = "org.freedesktop.DBus.Properties"

_INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="{WATCHER}">
    <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
    <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
  </interface>
  <interface name="{PROPERTIES}">
    <method name="Get">
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="v" direction="out"/>
    </method>
    <method name="GetAll">
      <arg type="s" direction="in"/><arg type="a{{sv}}" direction="out"/>
    </method>
  </interface>
</node>
"""


class Watcher(StandIn):
    """Keeps the items and hosts that registered, as the desktop's watcher does."""

    def __init__(self, address: str) -> None:
        super().__init__(address, WATCHER)
        self.items: list[str] = []
        self.registered_at: list[float] = []  # time.time() of each item's registration
        self.hosts: list[str] = []

    def _properties(self) -> dict[str, tuple[str, Any]]:
        return {
            "RegisteredStatusNotifierItems": ("as", list(self.items)),
            "IsStatusNotifierHostRegistered": ("b", bool(self.hosts)),
            "ProtocolVersion": ("i", 0),
        }

    def answer(self, message: Any) -> Any:
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        interface = fields.get(HeaderFields.interface)
        if member == "Introspect":
            return new_method_return(message, "s", (_INTROSPECTION,))
        if interface == PROPERTIES and member == "Get":
            wanted = self._properties().get(message.body[1])
            if wanted is None:
                return new_error(message, "org.freedesktop.DBus.Error.UnknownProperty")
            return new_method_return(message, "v", (wanted,))
        if interface == PROPERTIES and member == "GetAll":
            return new_method_return(message, "a{sv}", (self._properties(),))
        sender = fields.get(HeaderFields.sender)
        if member == "RegisterStatusNotifierItem":
            # The argument is a bus name or, from some apps, an object path on the sender.
            service = message.body[0]
            self.items.append(service if not service.startswith("/") else f"{sender}{service}")
            self.registered_at.append(time.time())
            return new_method_return(message)
        if member == "RegisterStatusNotifierHost":
            self.hosts.append(message.body[0])
            return new_method_return(message)
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")


@dataclass
class MenuItem:
    id: int
    label: str
    visible: bool
    enabled: bool
    children: list[MenuItem] = field(default_factory=list)

    def walk(self) -> Iterator[MenuItem]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Item:
    """What a host shows for one registered item."""

    service: str
    path: str
    properties: dict[str, Any]

    @property
    def tooltip(self) -> tuple[str, str]:
        """(title, description) of the ToolTip property."""
        _, _, title, description = self.properties["ToolTip"]
        return title, description

    @property
    def icon_sizes(self) -> list[tuple[int, int]]:
        return [(width, height) for width, height, _ in self.properties.get("IconPixmap", [])]


_counter = itertools.count(1)


class Host:
    """A tray host: registers with the watcher, then reads and clicks registered items."""

    def __init__(self, address: str, watcher: Watcher) -> None:
        self.watcher = watcher
        self.connection: DBusConnection = open_dbus_connection(address)
        self.name = f"org.kde.StatusNotifierHost-{os.getpid()}-{next(_counter)}"
        self._call(message_bus.RequestName(self.name))
        register = new_method_call(
            DBusAddress(WATCHER_PATH, WATCHER, WATCHER),
            "RegisterStatusNotifierHost",
            "s",
            (self.name,),
        )
        self._call(register)

    def close(self) -> None:
        self.connection.close()

    def _call(self, message: Any) -> tuple[Any, ...]:
        reply = self.connection.send_and_get_reply(message, timeout=10)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(f"D-Bus error {reply.header.fields.get(HeaderFields.error_name)}")
        return tuple(reply.body)

    def item(self, timeout: float = 30) -> Item:
        """The first registered item, read fresh from its owner."""
        wait_for(lambda: bool(self.watcher.items), timeout, "an item to register with the watcher")
        service = self.watcher.items[0]
        bus_name, _, path = service.partition("/")
        path = "/" + path if path else "/StatusNotifierItem"
        get_all = new_method_call(
            DBusAddress(path, bus_name, PROPERTIES), "GetAll", "s", (ITEM_INTERFACE,)
        )
        (properties,) = self._call(get_all)
        unwrapped = {name: value for name, (_, value) in properties.items()}
        return Item(bus_name, path, unwrapped)

    def menu(self, item: Item) -> MenuItem:
        """The item's whole menu (dbusmenu GetLayout from the root, all depths)."""
        address = DBusAddress(item.properties["Menu"], item.service, MENU_INTERFACE)
        _, layout = self._call(new_method_call(address, "GetLayout", "iias", (0, -1, [])))
        return _menu_item(layout)

    def activate(self, item: Item) -> None:
        """A left click on the icon (StatusNotifierItem.Activate at a screen position)."""
        self._call(
            new_method_call(
                DBusAddress(item.path, item.service, ITEM_INTERFACE), "Activate", "ii", (10, 10)
            )
        )

    def click(self, item: Item, menu_id: int) -> None:
        address = DBusAddress(item.properties["Menu"], item.service, MENU_INTERFACE)
        event = new_method_call(
            address, "Event", "isvu", (menu_id, "clicked", ("s", ""), int(time.time()))
        )
        self._call(event)


def _menu_item(layout: tuple[int, dict[str, tuple[str, Any]], list[Any]]) -> MenuItem:
    menu_id, raw, children = layout
    properties = {name: value for name, (_, value) in raw.items()}
    return MenuItem(
        menu_id,
        str(properties.get("label", "")).replace("_", ""),
        bool(properties.get("visible", True)),
        bool(properties.get("enabled", True)),
        [_menu_item(value) for _, value in children],
    )


@dataclass
class Tray:
    """The running watcher and host; `restart()` replaces both, as a desktop restart does."""

    address: str
    watcher: Watcher
    host: Host

    def restart(self) -> None:
        self.host.close()
        self.watcher.stop()
        self.watcher, self.host = _start(self.address)


def _start(address: str) -> tuple[Watcher, Host]:
    watcher = Watcher(address)
    watcher.start()
    assert watcher.ready.wait(10), "the watcher did not come up"
    return watcher, Host(address, watcher)


@contextmanager
def sni_tray(address: str) -> Iterator[Tray]:
    """A StatusNotifierWatcher with one host registered, on the bus at `address`."""
    watcher, host = _start(address)
    tray = Tray(address, watcher, host)
    try:
        yield tray
    finally:
        tray.host.close()
        tray.watcher.stop()
