"""Entry of the bare PySide6 bundle that ``benchmarks/bundle.py`` times: a 1100 × 800
QMainWindow, shown, timed to its first paint (benchmarks/start.py ``--child bare``)."""

import sys

import start  # benchmarks/start.py

start.main(sys.argv[1:] or ["--child", "bare"])
