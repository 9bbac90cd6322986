import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { SmsAccount, SmsAccountConnection } from '../../schema/notifications/sms.type';
import { SetAccountEnabledArgs } from '../../schema/notifications/account.input';
import { CreateSmsAccountInput, UpdateSmsAccountInput } from '../../schema/notifications/sms.input';
import { PagingArgs } from '../../schema/paging.args';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { toSmsAccount } from './sms.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

/** SMS accounts (reference §11.7, inferred endpoints); signatures and templates have their own resolvers. */
@Resolver()
export class SmsResolver {
  @RequiresScope('read')
  @Query(() => SmsAccountConnection, { description: 'SMS provider accounts. Their provider keys are never shown.' })
  smsAccounts(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'sms-accounts',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.smsAccountPage.load(pageNum),
      (row, cursor) => ({ cursor, node: toSmsAccount(row) }),
    );
  }

  @RequiresScope('admin')
  @Mutation(() => SmsAccount, {
    description: 'Add an SMS provider account; its key pair is write-only. A duplicate name is refused. Idempotent: no.',
  })
  async createSmsAccount(@Arg('input', { description: 'The account.' }) input: CreateSmsAccountInput, @Ctx() ctx: Context): Promise<SmsAccount> {
    const id = await ctx.apis.sms.createAccount({
      accountName: input.name,
      smsPlatform: input.platform,
      accessKey: input.accessKey,
      accessSecret: input.accessSecret,
    });
    return account(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => SmsAccount, { description: 'Rename an SMS account or replace its key pair (write-only). Idempotent: yes.' })
  async updateSmsAccount(
    @Arg('input', { description: 'The account and its changes.' }) input: UpdateSmsAccountInput,
    @Ctx() ctx: Context,
  ): Promise<SmsAccount> {
    if (!input.name && !input.accessKey && !input.accessSecret)
      throw new BadUserInputError('Nothing to change: give name or accessKey and accessSecret', 'input');
    if (Boolean(input.accessKey) !== Boolean(input.accessSecret))
      throw new BadUserInputError('accessKey and accessSecret are replaced together', 'input');
    await ctx.apis.sms.updateAccount(Number(input.id), {
      accountName: input.name ?? undefined,
      accessKey: input.accessKey ?? undefined,
      accessSecret: input.accessSecret ?? undefined,
    });
    return account(ctx, Number(input.id));
  }

  @RequiresScope('admin')
  @Mutation(() => SmsAccount, { description: 'Enable or disable an SMS account. Idempotent: yes.' })
  async setSmsAccountEnabled(@Args() { id, enabled }: SetAccountEnabledArgs, @Ctx() ctx: Context): Promise<SmsAccount> {
    await ctx.apis.sms.setAccountEnabled(Number(id), enabled);
    return account(ctx, Number(id));
  }

  @RequiresScope('admin')
  @Mutation(() => ID, { description: 'Delete an SMS account; returns its id. Idempotent: no.' })
  async deleteSmsAccount(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<string> {
    await ctx.apis.sms.deleteAccount(Number(id));
    return id;
  }
}

/** The account as listed after a write (there is no detail call). */
async function account(ctx: Context, id: number): Promise<SmsAccount> {
  ctx.loaders.smsAccountPage.clearAll();
  ctx.loaders.smsAccountById.clear(id);
  const dto = await ctx.loaders.smsAccountById.load(id);
  if (!dto) throw new NotFoundError(`SMS account ${id} does not exist`);
  return toSmsAccount(dto);
}
