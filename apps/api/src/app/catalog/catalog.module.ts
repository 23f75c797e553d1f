import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CategoryEntity } from './category.entity';
import { ProductCategoryEntity, ProductEntity } from './product.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, ProductEntity, ProductCategoryEntity])],
  controllers: [CatalogController],
  providers: [CatalogService],
})
export class CatalogModule {}
