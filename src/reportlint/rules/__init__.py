"""reportlint's built-in rules, one module per rule family.

RL1 structure and title, RL2 table shape and cells, RL3 arithmetic relations,
RL4 places and entities, RL5 dates, years and deadlines, RL6 text hygiene and
wording, RL7 cross-document, RL9 internal (unreadable input, plugin failure).
"""
