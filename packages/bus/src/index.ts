export * from './probe-kafka.js';
