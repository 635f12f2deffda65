/** Version of the document extractors (PDF, DOCX, DOC/WPS, XLSX, flip-books); stored with every derived value. */
export const DOCUMENT_EXTRACTOR_VERSION = 'documents-0.1.0';
