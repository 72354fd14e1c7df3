// What to show for something thrown: an Error's message, or the value itself in words.
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
