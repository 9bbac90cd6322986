import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { MailAccount, MailAccountConnection } from '../../schema/notifications/mail.type';
import { CreateMailAccountInput, SetMailUserDomainsArgs, UpdateMailAccountInput } from '../../schema/notifications/mail.input';
import { SetAccountEnabledArgs } from '../../schema/notifications/account.input';
import { PagingArgs } from '../../schema/paging.args';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { toMailAccount } from './mail.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

/** SMTP accounts for end-user mail (reference §11.8, inferred endpoints). */
@Resolver()
export class MailResolver {
  @RequiresScope('read')
  @Query(() => MailAccountConnection, { description: 'SMTP accounts. Their passwords are never shown.' })
  mailAccounts(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'mail-accounts',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.mailAccountPage.load(pageNum),
      (row, cursor) => ({ cursor, node: toMailAccount(row) }),
    );
  }

  @RequiresScope('admin')
  @Mutation(() => MailAccount, { description: 'Add an SMTP account; the password is write-only. Idempotent: no.' })
  async createMailAccount(@Arg('input', { description: 'The account.' }) input: CreateMailAccountInput, @Ctx() ctx: Context): Promise<MailAccount> {
    const id = await ctx.apis.mail.createAccount({
      accountName: input.name,
      smtpServer: input.smtpServer,
      smtpPort: input.smtpPort,
      account: input.username,
      password: input.password,
      senderAddress: input.senderAddress,
    });
    return account(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => MailAccount, { description: 'Change an SMTP account or replace its password (write-only). Idempotent: yes.' })
  async updateMailAccount(
    @Arg('input', { description: 'The account and its changes.' }) input: UpdateMailAccountInput,
    @Ctx() ctx: Context,
  ): Promise<MailAccount> {
    const fields = {
      accountName: input.name ?? undefined,
      smtpServer: input.smtpServer ?? undefined,
      smtpPort: input.smtpPort ?? undefined,
      account: input.username ?? undefined,
      password: input.password ?? undefined,
      senderAddress: input.senderAddress ?? undefined,
    };
    if (Object.values(fields).every((v) => v === undefined)) throw new BadUserInputError('Nothing to change', 'input');
    await ctx.apis.mail.updateAccount(Number(input.id), fields);
    return account(ctx, Number(input.id));
  }

  @RequiresScope('admin')
  @Mutation(() => MailAccount, { description: 'Enable or disable an SMTP account. Idempotent: yes.' })
  async setMailAccountEnabled(@Args() { id, enabled }: SetAccountEnabledArgs, @Ctx() ctx: Context): Promise<MailAccount> {
    await ctx.apis.mail.setAccountEnabled(Number(id), enabled);
    return account(ctx, Number(id));
  }

  @RequiresScope('admin')
  @Mutation(() => ID, { description: 'Delete an SMTP account; returns its id. Idempotent: no.' })
  async deleteMailAccount(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<string> {
    await ctx.apis.mail.deleteAccount(Number(id));
    return id;
  }

  @RequiresScope('admin')
  @Mutation(() => MailAccount, {
    description:
      'Set the user domains (Apps) allowed to send through an SMTP account, replacing the current set ([] revokes all). An unknown domain is NOT_FOUND (upstream 5015). Idempotent: yes.',
  })
  async setMailAccountUserDomains(@Args() { id, userDomains }: SetMailUserDomainsArgs, @Ctx() ctx: Context): Promise<MailAccount> {
    await ctx.apis.mail.setAccountUserDomains(Number(id), userDomains);
    return account(ctx, Number(id));
  }
}

async function account(ctx: Context, id: number): Promise<MailAccount> {
  ctx.loaders.mailAccountPage.clearAll();
  ctx.loaders.mailAccountById.clear(id);
  const dto = await ctx.loaders.mailAccountById.load(id);
  if (!dto) throw new NotFoundError(`Mail account ${id} does not exist`);
  return toMailAccount(dto);
}
