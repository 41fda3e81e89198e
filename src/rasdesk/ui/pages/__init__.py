"""One page of the app per module (GOV.UK patterns: one thing per page)."""
