import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../connection.type';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A project: the enterprise's grouping of products. Served by endpoints the platform does not document publicly; their path is set by QUEC_PATH_PROJECTS.",
})
export class Project {
  @Field(() => ID, { description: 'Platform project id.' })
  id!: string;

  @Field({ description: 'Project name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description; null when empty.' })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of products in the project, as the platform reports it.' })
  productCount!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the project was created.' })
  createdAt!: Date | null;
}

export const ProjectConnection = Connection(Project, {
  name: 'Project',
  description: 'A page of projects.',
  edges: 'The projects of this page.',
  totalCount: 'Number of projects in the whole list.',
  edge: { description: 'A project in a list.', cursor: 'Opaque position of this project in the list.', node: 'The project.' },
});
