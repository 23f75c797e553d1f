import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { CategoryEntity } from './category.entity';
import { ProductCategoryEntity, ProductEntity } from './product.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, ProductEntity, ProductCategoryEntity])],
  controllers: [CatalogController],
  providers: [CatalogRepository, CatalogService],
})
export class CatalogModule {}
