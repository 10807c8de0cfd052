"""User dictionaries in the PETRARCH/CAMEO formats (actors, agents, verbs, discards).

dateline's built-in coder does not need them; they let users bring existing
dictionaries (and their date ranges) to the actors and events stages.
"""
