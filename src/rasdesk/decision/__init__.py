"""Deciding the budget: from the indicative amount to the final personal budget.

A Qt-free room beside ``domain/`` (DESIGN.md, "Deciding the budget"): the support plan
(what the money will buy, costed exactly), how the budget is managed (the national
delivery-mechanism words), whether the plan needs a decision (sign-off or panel), and the
decision itself (who, when, the final budget, the reasons). Pure Python: values in,
values out; storage, printing, sync, the server and the UI use it. It never changes a
finalised case version: each step becomes a new version (storage/decisions.py).
"""
