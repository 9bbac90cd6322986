import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { UpdateProjectInput } from '../../schema/catalog/project.input';
import { Project, ProjectConnection } from '../../schema/catalog/project.type';
import { Product, ProductConnection } from '../../schema/catalog/product.type';
import { PagingArgs } from '../../schema/paging.args';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { toProject } from './project.mapper';
import { toProduct } from './product.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

@Resolver(() => Project)
export class ProjectResolver {
  @RequiresScope('read')
  @Query(() => ProjectConnection, {
    description:
      'Projects holding products authorized to this service. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_PROJECTS.',
  })
  projects(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'projects',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.projectPage.load(pageNum),
      (row, cursor) => ({ cursor, node: toProject(row) }),
    );
  }

  @RequiresScope('read')
  @Query(() => Project, { nullable: true, description: 'One project by id; null when it does not exist or holds no authorized product.' })
  async project(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<Project | null> {
    const dto = await ctx.loaders.projectById.load(Number(id));
    return dto ? toProject(dto) : null;
  }

  @RequiresScope('admin')
  @Mutation(() => Project, {
    description:
      'Rename a project or change its description. A name another project uses is refused. Uses an endpoint the platform does not document publicly; its path is set by QUEC_PATH_PROJECTS. Idempotent: yes.',
  })
  async updateProject(
    @Arg('input', { description: 'The project and its changes.' }) input: UpdateProjectInput,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    if (input.name == null && input.description == null) throw new BadUserInputError('Nothing to change: give name or description', 'input');
    const id = Number(input.id);
    await ctx.apis.projects.editProject(id, { projectName: input.name ?? undefined, projectDesc: input.description ?? undefined });
    ctx.loaders.projectPage.clearAll();
    ctx.loaders.projectById.clear(id);
    const dto = await ctx.loaders.projectById.load(id);
    if (!dto) throw new NotFoundError(`Project ${id} does not exist`);
    return toProject(dto);
  }

  @FieldResolver(() => ProductConnection, { description: 'Products of the project authorized to this service.' })
  products(@Root() project: Project, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    const projectId = Number(project.id);
    return pageConnection(
      'project-products',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.projectProductPage.load({ projectId, pageNum }),
      (row, cursor) => ({ cursor, node: toProduct(row) }),
    );
  }
}

@Resolver(() => Product)
export class ProductProjectResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project the product belongs to.' })
  async project(@Root() product: Product, @Ctx() ctx: Context): Promise<Project | null> {
    const dto = await ctx.loaders.projectOfProduct.load(product.productKey);
    return dto ? toProject(dto) : null;
  }
}
