/** Version of the HTML extractor; stored with every derived value so the archive can be re-extracted when it improves. */
export const EXTRACTOR_VERSION = 'html-0.1.0';
