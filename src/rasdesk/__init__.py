"""rasdesk: offline personal-budget assessments from a council's signed RAS ruleset."""

__version__ = "0.1.0"
