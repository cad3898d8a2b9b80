"""执法事项清单: the enforcement-matter catalogue with its legal bases and the versioned lists attached
to it."""
