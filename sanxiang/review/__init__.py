"""法制审核: the generic review engine over a decision under review (a subject and its agency), the gate
that major enforcement decisions cannot bypass. It never imports the layers above (cases)."""
