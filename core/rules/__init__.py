"""Business rules as data: records staff edit, fired by events and timers, run by Celery.

See README.md ("Business rules") for what is data and what stays code. The engine knows
nothing about tickets: each area registers a target in `core/rules/targets.py`.
"""
