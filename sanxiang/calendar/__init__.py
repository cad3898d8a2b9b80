"""The working-day calendar (法定节假日 + 调休) and deadline arithmetic: pure functions over table data."""
