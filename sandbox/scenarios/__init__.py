"""Practice scenarios: authoring blocks, the declarative check library, attempts
and their assessment. See sandbox/README.md ("Scenarios")."""
