"""Rule packs and configuration: YAML files read with positions, validated against the JSON
Schema, composed (extends, overrides) into a `RuleSet`, and their own test cases run."""
