// Placeholder until the study-file CLI exists (issue 3): prints the engine's version line.
console.log('Lestari engine ready.');
