# Training modules (Wagtail pages, enrolments, learning paths) arrive with the courses issue.
