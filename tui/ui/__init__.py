"""The Textual application: screens and widgets that arrange the core's results."""
