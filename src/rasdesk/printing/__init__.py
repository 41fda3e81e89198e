"""Print-outs the person keeps (reportlab): standard, large print and easy read.
Built in the [print] issue.
"""
