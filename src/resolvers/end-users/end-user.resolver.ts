import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError, UpstreamError } from '../../errors';
import { EndUserStatus } from '../../schema/end-users/end-user-status.enum';
import { BoundDeviceConnection } from '../../schema/end-users/binding.type';
import {
  BindingCodeCheck,
  EndUser,
  EndUserConnection,
  type EndUserSource,
  UserDomain,
  UserDomainConnection,
} from '../../schema/end-users/end-user.type';
import { BindingCodeArgs, BoundEndUsersArgs, DomainUsersArgs, EndUserUidArgs, SetEndUserStatusArgs } from '../../schema/end-users/end-user.args';
import { PagingArgs } from '../../schema/paging.args';
import { toBindingRole, toBoundEndUser, toEndUser, toUserDomain } from './end-user.mapper';
import { toDate } from '../../datasources/platform/time';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

/** Answers of verifyBindingCode that mean "the code is wrong", not "the call failed" (reference §6.7). */
const CODE_REJECTED = new Set([5460, 5461, 5462]);

@Resolver(() => EndUser)
export class EndUserResolver {
  @RequiresScope('read')
  @Query(() => UserDomainConnection, { description: 'User domains (Apps) of the enterprise. Their signing secrets are never exposed.' })
  userDomains(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'user-domains',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.userDomainPage.load(pageNum),
      (row, cursor) => ({
        cursor,
        node: toUserDomain(row),
      }),
    );
  }

  @RequiresScope('read')
  @Query(() => EndUserConnection, { description: 'End users registered in one user domain.' })
  endUsers(@Args() { userDomain, ...paging }: DomainUsersArgs, @Ctx() ctx: Context) {
    return domainUsers(userDomain, paging, ctx);
  }

  @RequiresScope('read')
  @Query(() => EndUserConnection, { description: 'End users that have bound devices, optionally of one product or one user domain.' })
  boundEndUsers(@Args() { productKey, userDomain, ...paging }: BoundEndUsersArgs, @Ctx() ctx: Context) {
    const filter = { productKey: productKey ?? undefined, userDomain: userDomain ?? undefined };
    const list = `bound-users${productKey ? '-product' : ''}${userDomain ? '-domain' : ''}`;
    return pageConnection(
      list,
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.boundUserPage.load({ ...filter, pageNum }),
      (row, cursor) => ({ cursor, node: toBoundEndUser(row) }),
    );
  }

  @RequiresScope('read')
  @Query(() => EndUser, { nullable: true, description: 'One end user by uid; null when it does not exist.' })
  async endUser(@Args() { uid }: EndUserUidArgs, @Ctx() ctx: Context): Promise<EndUser | null> {
    const dto = await ctx.loaders.endUserByUid.load(uid);
    return dto ? toEndUser(dto) : null;
  }

  @RequiresScope('read')
  @Query(() => BindingCodeCheck, {
    description: 'Check a binding code against the one the device reported, without binding anything.',
  })
  async bindingCodeCheck(@Args() { productKey, deviceKey, bindingCode }: BindingCodeArgs, @Ctx() ctx: Context): Promise<BindingCodeCheck> {
    try {
      await ctx.apis.endUsers.verifyBindingCode(productKey, deviceKey, bindingCode);
      return { valid: true, reason: null };
    } catch (error) {
      if (error instanceof UpstreamError && CODE_REJECTED.has(error.upstream?.code ?? 0))
        return { valid: false, reason: error.upstream?.msg || null };
      throw error;
    }
  }

  @FieldResolver(() => BoundDeviceConnection, { description: 'Devices the user owns or had shared with them, most recently bound first.' })
  devices(@Root() user: EndUserSource, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'user-devices',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.userDevicePage.load({ uid: user.uid, pageNum }),
      (row, cursor) => ({
        cursor,
        node: { productKey: row.productKey, deviceKey: row.deviceKey },
        role: toBindingRole(row.deviceType),
        boundAt: toDate(row.deviceBindTimeTs),
      }),
    );
  }

  @RequiresScope('admin')
  @Mutation(() => EndUser, { description: 'Enable or disable an end user; returns the user afterwards. Idempotent: yes.' })
  async setEndUserStatus(@Args() { uid, status }: SetEndUserStatusArgs, @Ctx() ctx: Context): Promise<EndUser> {
    await ctx.apis.endUsers.setUserStatus(uid, status === EndUserStatus.ENABLED ? 1 : 0);
    ctx.loaders.endUserByUid.clear(uid);
    const dto = await ctx.loaders.endUserByUid.load(uid);
    if (!dto) throw new NotFoundError(`End user ${uid} does not exist`);
    return toEndUser(dto);
  }
}

@Resolver(() => UserDomain)
export class UserDomainResolver {
  @FieldResolver(() => EndUserConnection, { description: 'End users registered in this user domain.' })
  users(@Root() domain: UserDomain, @Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return domainUsers(domain.domain, paging, ctx);
  }
}

function domainUsers(userDomain: string, paging: PagingArgs, ctx: Context) {
  return pageConnection(
    'domain-users',
    paging,
    ctx.pageSize,
    (pageNum) => ctx.loaders.domainUserPage.load({ userDomain, pageNum }),
    (row, cursor) => ({ cursor, node: toEndUser(row) }),
  );
}
