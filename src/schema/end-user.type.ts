import { Directive, Field, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { EndUserStatus } from './admin.enums';
import { LoadEndUserDetail } from './end-user-detail.middleware';
import { LoadUserDomainDetail } from './user-domain-detail.middleware';

@ObjectType({ description: 'A user domain: one App whose end users register with the platform. Its signing secret is never exposed.' })
export class UserDomain {
  @Field(() => ID, { description: 'Platform user-domain id.' })
  @UseMiddleware(LoadUserDomainDetail)
  id!: string;

  @Field({ description: 'User-domain string, e.g. C.DM.5715.1; end users and subscriptions refer to it.' })
  domain!: string;

  @Field(() => String, { nullable: true, description: 'User-domain type as the platform reports it.' })
  @UseMiddleware(LoadUserDomainDetail)
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Remark.' })
  @UseMiddleware(LoadUserDomainDetail)
  remark!: string | null;

  @Field({ description: 'Whether the user domain is enabled.' })
  @UseMiddleware(LoadUserDomainDetail)
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the user domain was added.' })
  @UseMiddleware(LoadUserDomainDetail)
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the user domain last changed.' })
  @UseMiddleware(LoadUserDomainDetail)
  updatedAt!: Date | null;
}

/** What a resolver may hand over as a UserDomain: the domain string always, other fields when already known. */
export type UserDomainSource = Pick<UserDomain, 'domain'> & Partial<UserDomain>;

@Directive('@key(fields: "uid")')
@ObjectType({ description: 'An end user: a person registered in one of the enterprise\'s Apps (user domains).' })
export class EndUser {
  @Field({ description: 'Platform user id, e.g. C131362.' })
  uid!: string;

  @Field(() => String, { nullable: true, description: 'User domain (App) the user registered in.' })
  @UseMiddleware(LoadEndUserDetail)
  userDomain?: string | null;

  @Field(() => String, { nullable: true, description: 'Nickname.' })
  @UseMiddleware(LoadEndUserDetail)
  nickname?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @UseMiddleware(LoadEndUserDetail)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @UseMiddleware(LoadEndUserDetail)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Preferred language.' })
  @UseMiddleware(LoadEndUserDetail)
  language?: string | null;

  @Field(() => EndUserStatus, { nullable: true, description: 'Whether the user may sign in.' })
  @UseMiddleware(LoadEndUserDetail)
  status?: EndUserStatus | null;

  @Field(() => Date, { nullable: true, description: 'When the user registered.' })
  @UseMiddleware(LoadEndUserDetail)
  registeredAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the user last signed in.' })
  @UseMiddleware(LoadEndUserDetail)
  lastLoginAt?: Date | null;
}

/** What a resolver may hand over as an EndUser: the uid always, other fields when already known. */
export type EndUserSource = Pick<EndUser, 'uid'> & Partial<EndUser>;

@ObjectType({ description: 'Result of checking a device binding code.' })
export class BindingCodeCheck {
  @Field({ description: 'Whether the code matches the one the device reported.' })
  valid!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the code is not valid, in the platform\'s words; null when valid.' })
  reason!: string | null;
}
