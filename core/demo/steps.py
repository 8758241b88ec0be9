"""The demo, step by step. Each feature adds its step here; each step is idempotent."""

from importlib import import_module

from .world import DemoWorld

DEMO_STEPS = [
    "core.demo.foundation.seed",
    "core.demo.content.seed",
    "core.tickets.demo.seed",
    "core.demo.staff.seed",
    "core.demo.learning.seed",
    "core.investors.demo.seed",
    "core.rules.demo.seed",
    "core.knowledge.demo.seed",
    "core.partners.demo.seed",
    "core.partners.demo.support.seed",
]


def seed_world(world: DemoWorld | None = None) -> DemoWorld:
    world = world or DemoWorld()
    for dotted in DEMO_STEPS:
        module_name, function_name = dotted.rsplit(".", 1)
        getattr(import_module(module_name), function_name)(world)
    return world
