import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError, UpstreamError } from '../../errors';
import { Product, ProductConnection } from '../../schema/catalog/product.type';
import { UserDomain, type UserDomainSource } from '../../schema/end-users/end-user.type';
import { PagingArgs } from '../../schema/paging.args';
import { ThirdPartyLoginConfig } from '../../schema/end-users/third-party-login.type';
import { ThirdPartyLoginPlatform } from '../../schema/end-users/third-party-login-platform.enum';
import { SetThirdPartyLoginConfigInput, ThirdPartyLoginArgs, UserDomainProductArgs } from '../../schema/end-users/user-domain-auth.input';
import { toAuthorizedProduct, toAuthorizedUserDomain, toPlatformName, toThirdPartyLogin } from './user-domain-auth.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

/** "Already authorized" (reference §11.8): the state the caller asked for already holds. */
const ALREADY_AUTHORIZED = 5227;

/** Product authorization and third-party login of user domains (reference §11.8, inferred endpoints). */
@Resolver(() => UserDomain)
export class UserDomainAuthResolver {
  @FieldResolver(() => ProductConnection, {
    description:
      "Products authorized to this user domain: the App's end users may bind and control their devices. Uses an endpoint the platform does not document publicly; its path is set by QUEC_PATH_END_USER_ADMIN.",
  })
  authorizedProducts(@Root() domain: UserDomainSource, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'domain-products',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.domainProductPage.load({ userDomain: domain.domain, pageNum }),
      (row, cursor) => ({ cursor, node: toAuthorizedProduct(row) }),
    );
  }

  @FieldResolver(() => [ThirdPartyLoginConfig], {
    description:
      'Third-party logins configured for this App; their secrets are never shown. Uses an endpoint the platform does not document publicly; its path is set by QUEC_PATH_END_USER_ADMIN.',
  })
  async thirdPartyLogins(@Root() domain: UserDomainSource, @Ctx() ctx: Context): Promise<ThirdPartyLoginConfig[]> {
    return (await ctx.loaders.thirdPartyLoginsByDomain.load(domain.domain)).map(toThirdPartyLogin);
  }

  @RequiresScope('admin')
  @Mutation(() => UserDomain, {
    description:
      "Authorize a product to a user domain (App) so its end users may bind the product's devices; returns the user domain afterwards. An already authorized product counts as success (the platform's 5227 is not an error here). Idempotent: yes.",
  })
  async authorizeProductToUserDomain(@Args() { userDomain, productKey }: UserDomainProductArgs, @Ctx() ctx: Context): Promise<UserDomainSource> {
    try {
      await ctx.apis.userDomainProducts.authorize(userDomain, productKey);
    } catch (error) {
      if (!(error instanceof UpstreamError && error.upstream?.code === ALREADY_AUTHORIZED)) throw error;
    }
    return afterProductWrite(ctx, userDomain, productKey);
  }

  @RequiresScope('admin')
  @Mutation(() => UserDomain, {
    description:
      'Revoke a product from a user domain (App); returns the user domain afterwards. A product that is not authorized to it is NOT_FOUND, so a repeat fails. Idempotent: no.',
  })
  async revokeProductFromUserDomain(@Args() { userDomain, productKey }: UserDomainProductArgs, @Ctx() ctx: Context): Promise<UserDomainSource> {
    await ctx.apis.userDomainProducts.revoke(userDomain, productKey);
    return afterProductWrite(ctx, userDomain, productKey);
  }

  @RequiresScope('admin')
  @Mutation(() => ThirdPartyLoginConfig, {
    description:
      "Configure a third-party login for an App: adds the platform's config or replaces the one there is, so a repeat leaves the same config. appSecret is write-only. Idempotent: yes.",
  })
  async setThirdPartyLoginConfig(
    @Arg('input', { description: 'The App, platform and credentials.' }) input: SetThirdPartyLoginConfigInput,
    @Ctx() ctx: Context,
  ): Promise<ThirdPartyLoginConfig> {
    const platform = toPlatformName(input.platform);
    await ctx.apis.thirdPartyLogins.putConfig({ userDomain: input.userDomain, platform, appId: input.appId, appSecret: input.appSecret });
    ctx.loaders.thirdPartyLoginsByDomain.clear(input.userDomain);
    const config = (await ctx.loaders.thirdPartyLoginsByDomain.load(input.userDomain)).find((c) => c.platform === platform);
    if (!config) throw new NotFoundError(`No ${input.platform} login is configured for user domain ${input.userDomain}`);
    return toThirdPartyLogin(config);
  }

  @RequiresScope('admin')
  @Mutation(() => ThirdPartyLoginPlatform, {
    description:
      'Remove the third-party login of a platform from an App; returns the platform. A platform that is not configured is NOT_FOUND (the configs are read first: upstream publishes no answer for that), so a repeat fails. Idempotent: no.',
  })
  async deleteThirdPartyLoginConfig(@Args() { userDomain, platform }: ThirdPartyLoginArgs, @Ctx() ctx: Context): Promise<ThirdPartyLoginPlatform> {
    const name = toPlatformName(platform);
    const configs = await ctx.loaders.thirdPartyLoginsByDomain.load(userDomain);
    if (!configs.some((c) => c.platform === name)) throw new NotFoundError(`No ${platform} login is configured for user domain ${userDomain}`);
    await ctx.apis.thirdPartyLogins.deleteConfig(userDomain, name);
    ctx.loaders.thirdPartyLoginsByDomain.clear(userDomain);
    return platform;
  }
}

@Resolver(() => Product)
export class ProductUserDomainsResolver {
  @FieldResolver(() => [UserDomain], {
    description:
      'User domains (Apps) this product is authorized to. Uses an endpoint the platform does not document publicly; its path is set by QUEC_PATH_END_USER_ADMIN.',
  })
  async authorizedUserDomains(@Root() product: Product, @Ctx() ctx: Context): Promise<UserDomainSource[]> {
    return (await ctx.loaders.domainsOfProduct.load(product.productKey)).map(toAuthorizedUserDomain);
  }
}

/** Both sides of the authorization are re-read after a write; the domain's other fields load from the domain list. */
function afterProductWrite(ctx: Context, userDomain: string, productKey: string): UserDomainSource {
  ctx.loaders.domainProductPage.clearAll();
  ctx.loaders.domainsOfProduct.clear(productKey);
  return { domain: userDomain };
}
