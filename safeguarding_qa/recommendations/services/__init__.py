"""Writes for the register. Other apps attach recommendations and actions through
``recommendation_create`` and ``action_create``; see docs/register.md."""
