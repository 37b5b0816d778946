"""The parts of the event coder (streams/extraction/events.py is the orchestrator).

- context.py: the per-document state (mentions by token, lexicon entries, consumed and governed triggers)
- tables.py: the coder's data in streams/data/coder/ (word sets, the CAMEO family table, code overrides)
- triggers.py: lexicon entries for tokens, and which triggers are consumed or governed by others
- arguments.py: sources, targets, actors at a token, fallback, physical and protest targets
- modality.py: negation, hypothetical, intent, threat, refusal and report chains
- overrides.py: codes that change with the event's actors or context (152 -> 151 for police, ...)
"""
