export { mispEvent, type CrossMunicipalityHit, type MispExportRequest } from './misp-event.js';
export { MISP_CATEGORIES, mispEventDocumentSchema, mispEventSchema, type MispEventDocument } from './misp-event-schema.js';
export { releaseCsv } from './release-csv.js';
export { releaseJson } from './release-json.js';
