export * from './error.dto';
