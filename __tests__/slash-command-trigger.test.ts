/**
 * Which issue_comment events are slash commands (src/run/trigger.ts, read by index.ts before
 * anything heavy loads): the first line, after white space, starts with the command word followed
 * by white space or its end; case counts; only `created`, and never a bot's.
 */
import { describe, expect, it } from '@jest/globals'
import { issueCommentPayload } from '../sandbox/webhooks.ts'
import { classify, commandArgs } from '../src/run/trigger.js'

const PREFIX = 'expire-user:'

describe('commandArgs', () => {
  it.each([
    ['/expire sandy@2030-06-10', ['sandy@2030-06-10']],
    ['/expire   sandy@2030-06-10\tbob@+7d  ', ['sandy@2030-06-10', 'bob@+7d']],
    ['  \t/expire carol@never', ['carol@never']],
    ['/expire', []],
    ['/expire   ', []],
    ['/expire help', ['help']],
    ['/expire sandy@2030-06-10\nbob@+7d', ['sandy@2030-06-10']],
    ['/expire sandy@2030-06-10\r\nbob@+7d', ['sandy@2030-06-10']],
    ['/expire\nsandy@2030-06-10', []]
  ])('%j is a command with %j', (body, args) => {
    expect(commandArgs(body, '/expire')).toEqual(args)
  })

  it.each([
    '/expired sandy@2030-06-10',
    '/Expire sandy@2030-06-10',
    '/EXPIRE',
    '> /expire sandy@2030-06-10',
    'please /expire sandy@2030-06-10',
    '\n/expire sandy@2030-06-10',
    '`/expire sandy@2030-06-10`',
    '/expire@2030-06-10',
    ''
  ])('%j is not a command', (body) => {
    expect(commandArgs(body, '/expire')).toBeUndefined()
  })

  it('reads the whole first line, however long: its last entry is never cut short', () => {
    const padding = ' '.repeat(20_000)
    expect(commandArgs(`/expire${padding}sandy@2030-06-10T09:00Z`, '/expire')).toEqual([
      'sandy@2030-06-10T09:00Z'
    ])
  })

  it('reads another command word', () => {
    expect(commandArgs('/ld-expire sandy@+7d', '/ld-expire')).toEqual(['sandy@+7d'])
    expect(commandArgs('/expire sandy@+7d', '/ld-expire')).toBeUndefined()
  })
})

describe('classify on issue_comment', () => {
  const command = (body: string, action: 'created' | 'edited' | 'deleted' = 'created') =>
    classify('issue_comment', issueCommentPayload(action, body), PREFIX, '/expire')

  it('a created command: its entries', () => {
    expect(command('/expire sandy@2030-06-10 bob@+7d')).toEqual({
      kind: 'slash-command',
      args: ['sandy@2030-06-10', 'bob@+7d'],
      help: false
    })
  })

  it.each(['/expire help', '/expire', ' /expire  '])('%j asks for help', (body) => {
    expect(command(body)).toEqual({ kind: 'slash-command', args: [], help: true })
  })

  it('help with entries is not help: "help" is then an entry, and invalid', () => {
    expect(command('/expire help sandy@+7d')).toMatchObject({ help: false })
  })

  it.each(['edited', 'deleted'] as const)('an %s comment is ignored', (action) => {
    expect(command('/expire sandy@2030-06-10', action)).toMatchObject({
      kind: 'ignored-comment'
    })
  })

  it("a bot's comment is ignored, even a command", () => {
    const payload = issueCommentPayload('created', '/expire sandy@2030-06-10', {
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    expect(classify('issue_comment', payload, PREFIX)).toMatchObject({ kind: 'ignored-comment' })
  })

  it.each([
    ['no payload', null, 'ignored-comment'],
    ['no comment', { action: 'created' }, 'ignored-comment'],
    [
      'a body that is not a string',
      { action: 'created', comment: { body: 42, user: {} } },
      'ignored-comment'
    ],
    // Not known to be a bot: a command, which the run reads again with zod before acting.
    [
      'a user that is not an object',
      { action: 'created', comment: { body: '/expire', user: 7 } },
      'slash-command'
    ]
  ])('a payload with %s is read defensively', (_, payload, kind) => {
    expect(classify('issue_comment', payload, PREFIX).kind).toBe(kind)
  })

  it('a comment is never a label event, and other events are unchanged', () => {
    expect(command('expire-user:sandy@2030-06-10').kind).toBe('ignored-comment')
    expect(classify('push', {}, PREFIX)).toEqual({ kind: 'other' })
  })
})
