export { isSchemaName, jsonSchema, schemaNames } from '../schemas/index.js';
