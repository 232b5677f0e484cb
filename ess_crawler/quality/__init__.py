"""Quality of what was archived: `audit` (completeness against what sites list) and `check`
(one page's fields, rules and warnings, to add or fix a site)."""
