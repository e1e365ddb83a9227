"""The Chinese-text toolkit: one copy of every text convention the reader and the rules share.

Character classes, Chinese numerals and ordinals, lines, paragraphs, sentences and
clauses, length-preserving normalisation, numbers in cells and prose, dates and date
ranges, and website page chrome. Nothing here knows about templates, rules or files.
"""
