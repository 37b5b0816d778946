"""Pure extraction stages, in flow order: nlp -> actors -> events -> places. No Kafka in here."""
