"""Fast pages: whole anonymous pages kept in the shared cache, the site chrome kept
per edition, and one generation that every change to what readers see moves on, so
nothing cached outlives the content it shows."""
