# Competences and Open Badges arrive with the badges issue.
