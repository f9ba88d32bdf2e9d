"""The five synchronisations (五个同步), steps 2 and 3: party activities and annual inspections."""
