export * from './schemas/geojson.schema.js';
export * from './schemas/organisation.schema.js';
export * from './schemas/service.schema.js';
export * from './schemas/site.schema.js';
export * from './schemas/phase.schema.js';
export * from './schemas/parcel.schema.js';
export * from './schemas/building.schema.js';
export * from './schemas/context.schema.js';
