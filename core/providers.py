"""Finding each area's providers for the approvals inbox and customer 360.

An app contributes by having a `providers.py` module that registers with core.approvals and
core.customer360 when imported; the registries import every installed app's module once,
on first use (as Django's admin autodiscovers admin.py). So an area plugs in by adding one
file, without editing the inbox, the 360 views or anyone's AppConfig."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

_done = False


def autodiscover() -> None:
    global _done
    if _done:
        return
    for app in apps.get_app_configs():
        if module_has_submodule(app.module, "providers"):
            import_module(f"{app.name}.providers")
    _done = True
