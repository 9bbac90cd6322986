import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { SmsSignature, SmsSignatureConnection } from '../../schema/notifications/sms.type';
import {
  CreateSmsSignatureInput,
  SetSmsSignatureEnabledArgs,
  SetSmsSignatureUserDomainsArgs,
  SmsSignatureIdArgs,
} from '../../schema/notifications/sms.input';
import { PagingArgs } from '../../schema/paging.args';
import { toSmsSignature } from './sms.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

/** SMS signatures and their user-domain authorization (reference §11.7, inferred endpoints). */
@Resolver()
export class SmsSignatureResolver {
  @RequiresScope('read')
  @Query(() => SmsSignatureConnection, { description: 'SMS signatures.' })
  smsSignatures(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'sms-signatures',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.smsSignPage.load(pageNum),
      (row, cursor) => ({ cursor, node: toSmsSignature(row) }),
    );
  }

  @RequiresScope('admin')
  @Mutation(() => SmsSignature, {
    description:
      'Add an SMS signature; the provider reviews it, so it starts PENDING (enabled, authorized to no user domain). Idempotent: no. Each call submits a new signature, and a repeat with the same text is refused as a duplicate.',
  })
  async createSmsSignature(
    @Arg('input', { description: 'The signature.' }) input: CreateSmsSignatureInput,
    @Ctx() ctx: Context,
  ): Promise<SmsSignature> {
    return signature(ctx, await ctx.apis.sms.createSignature(input.text));
  }

  @RequiresScope('admin')
  @Mutation(() => SmsSignature, { description: 'Enable or disable an SMS signature; a REJECTED signature cannot be enabled. Idempotent: yes.' })
  async setSmsSignatureEnabled(@Args() { id, enabled }: SetSmsSignatureEnabledArgs, @Ctx() ctx: Context): Promise<SmsSignature> {
    await ctx.apis.sms.setSignatureEnabled(id, enabled);
    return signature(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => ID, { description: 'Delete an SMS signature; returns its id. Idempotent: no. A second delete is NOT_FOUND.' })
  async deleteSmsSignature(@Args() { id }: SmsSignatureIdArgs, @Ctx() ctx: Context): Promise<string> {
    await ctx.apis.sms.deleteSignature(id);
    return id;
  }

  @RequiresScope('admin')
  @Mutation(() => SmsSignature, {
    description:
      'Set the user domains (Apps) allowed to send with an SMS signature: the list replaces the current set, an empty list revokes all. Idempotent: yes.',
  })
  async setSmsSignatureUserDomains(@Args() { id, userDomains }: SetSmsSignatureUserDomainsArgs, @Ctx() ctx: Context): Promise<SmsSignature> {
    await ctx.apis.sms.setSignatureUserDomains(id, userDomains);
    return signature(ctx, id);
  }
}

/** The signature as listed after a write (there is no detail call). */
async function signature(ctx: Context, ssid: string): Promise<SmsSignature> {
  ctx.loaders.smsSignPage.clearAll();
  ctx.loaders.smsSignById.clear(ssid);
  const dto = await ctx.loaders.smsSignById.load(ssid);
  if (!dto) throw new NotFoundError(`SMS signature ${ssid} does not exist`);
  return toSmsSignature(dto);
}
