"""The explorer: one widget to pick an entity, filter, and click from counts to the sentences behind them.
data.py indexes the corpus once, panels.py draws, widget.py wires the controls."""
