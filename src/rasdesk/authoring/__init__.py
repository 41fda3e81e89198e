"""For a council's RAS team: spreadsheet to ruleset, calibration of the rate.
Built in the [authoring] issue.
"""
