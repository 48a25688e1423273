"""Icons, translations and demo data shipped with OmniDesk."""
