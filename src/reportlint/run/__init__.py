"""Running reportlint: configuration per file, the plugin registry, discovery, linting, the process pool, baselines."""
