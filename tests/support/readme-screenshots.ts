/**
 * Where the e2e tests put the screenshots the README shows. A test run leaves the checkout as it
 * found it: they go to test-results/ (ignored by git) unless UPDATE_SCREENSHOTS=1 asks for the
 * README's own copies in docs/screenshots to be rewritten.
 */
export const README_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/readme-screenshots';
