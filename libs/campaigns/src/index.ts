export * from './entities/index.js';
export * from './dto/campaign.input.js';
export * from './campaigns.service.js';
export * from './campaigns.module.js';
